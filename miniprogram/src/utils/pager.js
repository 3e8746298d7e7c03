// Cursor paging (API.md: `cursor`, `size` ≤ 100; answers `items` + `nextCursor`), newest first, for a
// page with pull-to-refresh and load-more at the bottom. fetch(cursor) → {items, nextCursor}.
const { errorState } = require('./page');

function createPager(page, fetch, mapItem = (x) => x) {
  let loading = false;
  let generation = 0;
  async function load(reset) {
    if (loading && !reset) return;
    if (!reset && !page.data.nextCursor && page.data.items.length) return;
    const mine = ++generation;
    loading = true;
    page.setData({ loading: true, error: reset ? null : page.data.error, moreError: '' });
    try {
      const r = await fetch(reset ? null : page.data.nextCursor);
      if (mine !== generation) return;
      const items = (r.items || []).map(mapItem);
      page.setData({
        items: reset ? items : page.data.items.concat(items),
        nextCursor: r.nextCursor || null,
        loaded: true,
        loading: false,
        error: null,
      });
    } catch (e) {
      if (mine !== generation) return;
      // the first page failing shows the retry state; a later page failing keeps what is shown
      if (reset || !page.data.items.length) page.setData({ loading: false, error: errorState(e), items: reset ? [] : page.data.items });
      else page.setData({ loading: false, moreError: errorState(e).detail });
    } finally {
      if (mine === generation) loading = false;
    }
  }
  return {
    refresh: () => load(true),
    more: () => load(false),
  };
}

const PAGER_DATA = { items: [], nextCursor: null, loaded: false, loading: false, error: null, moreError: '' };

module.exports = { createPager, PAGER_DATA };
