odoo.define('eco_order.tour_portal_request', function (require) {
'use strict';

/**
 * A customer submits an order request from the portal: one free-text item,
 * a required date in the future, contact person and phone; the order page
 * then shows the success message. Run by tests/test_portal_tour.py.
 */
var tour = require('web_tour.tour');

function futureDate(days) {
    var date = new Date(Date.now() + days * 24 * 3600 * 1000);
    function pad(number) {
        return (number < 10 ? '0' : '') + number;
    }
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

tour.register('eco_order_portal_request', {
    test: true,
    url: '/my/order-request',
}, [{
    content: "Describe an item we do not know the product of",
    trigger: '.o_eco_order_request_form input[name="line_description_0"]',
    run: 'text Tour: activated carbon adsorption unit',
}, {
    content: "Give its specification",
    trigger: '.o_eco_order_request_form input[name="line_specification_0"]',
    run: 'text 5000 m3/h, VOC removal',
}, {
    content: "Quantity",
    trigger: '.o_eco_order_request_form input[name="line_qty_0"]',
    run: 'text 2',
}, {
    content: "Add a second item row",
    trigger: '.o_eco_request_add_line',
}, {
    content: "The new row has the next index; remove it again",
    trigger: 'tr.o_eco_request_line input[name="line_description_1"]',
    run: function () {
        $('input[name="line_description_1"]').closest('tr')
            .find('.o_eco_request_remove_line').click();
    },
}, {
    content: "One item row is left",
    trigger: '.o_eco_order_request_form:not(:has(input[name="line_description_1"]))',
    run: function () {},
}, {
    content: "Required delivery date in the future",
    trigger: '.o_eco_order_request_form input[name="intake_required_date"]',
    run: function () {
        $('input[name="intake_required_date"]').val(futureDate(30)).trigger('change');
    },
}, {
    content: "Contact person",
    trigger: '.o_eco_order_request_form input[name="intake_contact_name"]',
    run: 'text Tour Contact',
}, {
    content: "Contact phone",
    trigger: '.o_eco_order_request_form input[name="intake_contact_phone"]',
    run: 'text +86 10 8888 7777',
}, {
    content: "Submit the request",
    trigger: '#eco_order_request_submit',
}, {
    content: "The order page confirms the request",
    trigger: '#eco_order_request_success',
    run: function () {},
}]);

});
