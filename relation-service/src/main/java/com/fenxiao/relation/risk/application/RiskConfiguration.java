package com.fenxiao.relation.risk.application;

import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.risk.domain.Thresholds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RiskConfiguration {

    @Bean
    Thresholds thresholds(RelationProperties props) {
        RelationProperties.Risk r = props.getRisk();
        return new Thresholds(
                r.getDevicePerWindow(),
                r.getDeviceWindow(),
                r.getIpPerWindow(),
                r.getIpWindow(),
                r.getInviterBindings(),
                r.getInviterWindow());
    }
}
