// The ONE file a shop edits: where the gateway is. Everything the mini-program calls goes through it.
// In WeChat DevTools against a local platform (deploy/local/run.sh) keep http://127.0.0.1:8080 and tick
// 详情 → 本地设置 → 不校验合法域名; for a release, put the HTTPS gateway registered as a request / download
// domain in the mini-program admin console (开发管理 → 服务器域名).
module.exports = {
  gatewayUrl: 'http://127.0.0.1:8080',
};
