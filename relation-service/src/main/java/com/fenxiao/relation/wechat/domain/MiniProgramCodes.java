package com.fenxiao.relation.wechat.domain;

/** WeChat's unlimited mini-program code: a PNG that opens {@code page} with {@code scene} (≤ 32 chars). */
public interface MiniProgramCodes {

    int MAX_SCENE = 32;

    byte[] unlimited(String scene, String page, int width);
}
