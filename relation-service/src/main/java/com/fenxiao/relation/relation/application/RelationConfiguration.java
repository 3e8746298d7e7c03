package com.fenxiao.relation.relation.application;

import com.fenxiao.relation.RelationProperties;
import com.fenxiao.relation.relation.domain.CoolingOff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RelationConfiguration {

    @Bean
    CoolingOff coolingOff(RelationProperties props) {
        return new CoolingOff(props.getCoolingOff());
    }
}
