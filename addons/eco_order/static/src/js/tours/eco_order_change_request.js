odoo.define('eco_order.tour_change_request', function (require) {
'use strict';

// Portal customer approves a delivery-date change proposed by staff (R10.2).
// Started by tests/test_portal_change_tour.py on the customer's order page.
var tour = require('web_tour.tour');

tour.register('eco_order_change_request', {
    test: true,
},
    [
        {
            content: "Open the pending change request from the order page",
            trigger: '#eco_delivery .o_eco_change_requests a.o_eco_change_link:first',
        },
        {
            content: "Approve the proposed delivery date",
            trigger: 'button.o_eco_change_approve',
            extra_trigger: '.o_eco_change_state:contains("Awaiting Consent")',
        },
        {
            content: "The change is approved",
            trigger: '.o_eco_success',
            extra_trigger: '.o_eco_change_state:contains("Approved")',
            run: function () {},
        },
    ]
);

});
