package com.fenxiao.commission;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@MapperScan(basePackages = "com.fenxiao.commission", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class CommissionEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommissionEngineApplication.class, args);
    }
}
