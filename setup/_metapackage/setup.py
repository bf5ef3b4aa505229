import setuptools

with open('VERSION.txt', 'r') as f:
    version = f.read().strip()

setuptools.setup(
    name="odoo11-addons-eco_order_suite",
    description="Meta package for eco_order_suite Odoo addons",
    version=version,
    install_requires=[
        'odoo11-addon-eco_aftersales',
        'odoo11-addon-eco_finance',
        'odoo11-addon-eco_hr',
        'odoo11-addon-eco_order',
        'odoo11-addon-eco_order_website',
        'odoo11-addon-eco_safety',
        'odoo11-addon-eco_stock',
    ],
    classifiers=[
        'Programming Language :: Python',
        'Framework :: Odoo',
        'Framework :: Odoo :: 11.0',
    ]
)
