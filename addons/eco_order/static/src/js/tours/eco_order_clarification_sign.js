odoo.define('eco_order.tour_clarification_sign', function (require) {
'use strict';

// Portal customer answers the clarification question of a request, then signs an
// acceptance (issue 14). Started by tests/test_ux_portal_tour.py.
var tour = require('web_tour.tour');

tour.register('eco_order_clarification_answer', {
    test: true,
},
    [
        {
            content: "Read the question of our staff and write the answer",
            trigger: '#eco_question textarea[name="message"]',
            extra_trigger: '.o_eco_clarification_question:contains("flow rate")',
            run: 'text 9500 m3/h, 60 C',
        },
        {
            content: "Send the answer",
            trigger: 'form.o_eco_question_form button[type="submit"]',
        },
        {
            content: "The answer is in the thread",
            trigger: '.o_eco_success',
            extra_trigger: '.o_eco_message:contains("9500 m3/h, 60 C")',
            run: function () {},
        },
    ]
);

tour.register('eco_order_acceptance_sign', {
    test: true,
},
    [
        {
            content: "Type the signature",
            trigger: 'form.o_eco_acceptance_sign input[name="signature_text"]',
            extra_trigger: 'body:not(:has(.o_eco_certificate_link))',
            run: 'text A. Acc',
        },
        {
            content: "Sign the acceptance",
            trigger: 'form.o_eco_acceptance_sign button[type="submit"]',
        },
        {
            content: "Signed: the certificate is offered",
            trigger: '.o_eco_certificate_link',
            extra_trigger: '.o_eco_signed',
            run: function () {},
        },
    ]
);

});
