/** Web pieces every feature's controllers share (paging, request ids, approval views); no feature logic. */
package com.fenxiao.commission.web;
