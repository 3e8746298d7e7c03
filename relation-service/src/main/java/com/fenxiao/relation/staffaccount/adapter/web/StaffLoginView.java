package com.fenxiao.relation.staffaccount.adapter.web;

import java.util.List;

record StaffLoginView(String token, long expiresIn, String staffId, List<String> roles) {}
