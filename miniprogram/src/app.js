// Entry: an invite in the launch options (share card query `invite`, scanned mini-program code `scene`)
// is kept until a login carries it; pages/index reads page options too (a warm start opens it directly).
const invite = require('./utils/invite');
require('./utils/auth'); // registers the silent re-login on 401

App({
  onLaunch(options) {
    invite.remember(invite.inviteFromOptions(options));
  },
  onShow(options) {
    invite.remember(invite.inviteFromOptions(options));
  },
});
