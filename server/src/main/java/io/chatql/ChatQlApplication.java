package io.chatql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatQlApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatQlApplication.class, args);
    }
}
