package com.fenxiao.relation.risk.application;

import com.fenxiao.relation.risk.domain.FlagStatus;
import com.fenxiao.relation.risk.domain.RiskFlag;
import com.fenxiao.relation.risk.domain.RiskFlags;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
public class ListFlags {

    private final RiskFlags flags;

    public ListFlags(RiskFlags flags) {
        this.flags = flags;
    }

    public List<RiskFlag> list(FlagStatus status, Long userId, Long beforeId, int size) {
        return flags.list(status, userId, beforeId, size);
    }
}
