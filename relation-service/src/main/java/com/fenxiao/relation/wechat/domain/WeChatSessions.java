package com.fenxiao.relation.wechat.domain;

/** WeChat's code2session: turns the code from {@code wx.login} into the user's openid. */
public interface WeChatSessions {

    /** The openid for a login code; throws {@link WeChatRefused} when WeChat does not accept the code. */
    String openidFor(String code);
}
