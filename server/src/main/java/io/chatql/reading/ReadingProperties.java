package io.chatql.reading;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reading.
 *
 * @param countedStates how many members' counts in a conversation each node keeps once counted, to
 *     give again while nothing they depend on changed ({@link ReadStates}); the least recently asked
 *     are forgotten first. Some 250 bytes each: 100,000, about 25 MB, keep those of 200 members in 500
 *     conversations each, or of 10,000 in 10 each. 0 counts every time.
 */
@ConfigurationProperties("chatql.reading")
record ReadingProperties(@DefaultValue("100000") int countedStates) {

    ReadingProperties {
        if (countedStates < 0) {
            throw new IllegalArgumentException("chatql.reading.counted-states must not be negative");
        }
    }
}
