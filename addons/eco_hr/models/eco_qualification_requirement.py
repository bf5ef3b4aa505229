# Copyright 2026 Eco Order Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EcoQualificationRequirement(models.Model):
    """A training or certification required for a job position, an order type
    or a business area (or named by an allocation rule)."""
    _name = 'eco.qualification.requirement'
    _description = 'Required Training or Certification'
    _order = 'kind, id'

    name = fields.Char(compute='_compute_name', store=True)
    kind = fields.Selection([
        ('training', 'Training'),
        ('certification', 'Certification'),
    ], required=True, default='training')
    topic_id = fields.Many2one(
        'eco.training.topic', string='Training Topic', ondelete='cascade')
    certification_type_id = fields.Many2one(
        'eco.certification.type', string='Certification', ondelete='cascade')
    validity_months = fields.Integer(
        related='topic_id.validity_months', string='Validity (Months)',
        readonly=True)
    job_id = fields.Many2one('hr.job', string='Job Position', ondelete='cascade',
                             index=True)
    order_type_id = fields.Many2one(
        'eco.order.type', string='Order Type', ondelete='cascade', index=True)
    business_area_id = fields.Many2one(
        'eco.business.area', string='Business Area', ondelete='cascade',
        index=True)
    active = fields.Boolean(default=True)

    @api.depends('kind', 'topic_id.name', 'certification_type_id.name')
    def _compute_name(self):
        for req in self:
            item = (req.topic_id if req.kind == 'training'
                    else req.certification_type_id)
            req.name = item.name or ''

    @api.constrains('kind', 'topic_id', 'certification_type_id')
    def _check_item(self):
        for req in self:
            if req.kind == 'training' and not req.topic_id:
                raise ValidationError(_('A required training needs a training topic.'))
            if req.kind == 'certification' and not req.certification_type_id:
                raise ValidationError(_('A required certification needs a '
                                        'certification type.'))

    @api.model
    def _eco_for_order(self, order):
        """Requirements of the order's type and business area."""
        domain = []
        if order.order_type_id:
            domain = [('order_type_id', '=', order.order_type_id.id)]
        if order.business_area_id:
            area = [('business_area_id', '=', order.business_area_id.id)]
            domain = ['|'] + domain + area if domain else area
        if not domain:
            return self.browse()
        return self.sudo().search(domain)
