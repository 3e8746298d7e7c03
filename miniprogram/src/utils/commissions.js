// A commission line as shown: labels, money, dates. Kept by id so the detail page opens without a call.
const { money, when, day, percent, COMMISSION_STATUS, LEVEL } = require('./format');

const seen = {};

function view(c) {
  const v = Object.assign({}, c, {
    amount: money(c.amountFen),
    statusText: COMMISSION_STATUS[c.status] || c.status,
    levelText: LEVEL[c.level] || '',
    created: when(c.createdAt),
    release: c.expectedReleaseAt ? day(c.expectedReleaseAt) : '',
    rate: c.rateBp !== undefined && c.rateBp !== null ? percent(c.rateBp) : '',
    lines: (c.breakdown || c.items || []).map((it) => ({
      name: it.productName || it.productId || it.itemId || '商品',
      quantity: it.quantity,
      paid: it.paidFen !== undefined ? money(it.paidFen) : '',
      rate: it.rateBp !== undefined ? percent(it.rateBp) : '',
      share: it.amountFen !== undefined ? money(it.amountFen) : (it.commissionFen !== undefined ? money(it.commissionFen) : ''),
    })),
  });
  seen[c.id] = v;
  return v;
}

function byId(id) {
  return seen[id] || null;
}

module.exports = { view, byId };
