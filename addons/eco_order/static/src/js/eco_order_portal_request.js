odoo.define('eco_order.portal_request', function (require) {
'use strict';

/**
 * Order request form of the customer portal (/my/order-request): add and remove
 * item rows. Each row's inputs end with its index (line_product_3, line_qty_3...).
 */
require('web.dom_ready');

var $form = $('.o_eco_order_request_form');
if (!$form.length) {
    return;
}
var $tbody = $form.find('#eco_order_request_lines tbody');

function nextIndex() {
    var max = -1;
    $tbody.find('tr.o_eco_request_line').each(function () {
        max = Math.max(max, parseInt($(this).attr('data-index'), 10) || 0);
    });
    return max + 1;
}

function resetRow($row) {
    $row.find('.has-error').removeClass('has-error');
    $row.find('select').val('');
    $row.find('input').each(function () {
        var $input = $(this);
        $input.val(/^line_qty_/.test($input.attr('name')) ? '1' : '');
    });
}

$form.on('click', '.o_eco_request_add_line', function (ev) {
    ev.preventDefault();
    var index = nextIndex();
    var $row = $tbody.find('tr.o_eco_request_line').last().clone();
    $row.attr('data-index', index);
    $row.find('[name]').each(function () {
        var $input = $(this);
        $input.attr('name', $input.attr('name').replace(/_\d+$/, '_' + index));
    });
    resetRow($row);
    $tbody.append($row);
});

$form.on('click', '.o_eco_request_remove_line', function (ev) {
    ev.preventDefault();
    var $rows = $tbody.find('tr.o_eco_request_line');
    if ($rows.length > 1) {
        $(ev.currentTarget).closest('tr').remove();
    } else {
        resetRow($rows);
    }
});

});
