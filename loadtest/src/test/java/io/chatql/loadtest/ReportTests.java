package io.chatql.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReportTests {

    @Test
    void serverCpuIsTheCpuTimeBetweenTwoReadingsPerMessage() {
        Report report =
                new Report("rooms").serverCpu(OptionalLong.of(1_000_000_000L), OptionalLong.of(1_500_000_000L), 1_000);

        assertThat(report.result("serverCpuMsPerMessage")).isEqualTo(0.5);
    }

    @Test
    void serverCpuIsLeftOutWhenTheServerCouldNotBeRead() {
        Report report = new Report("rooms").serverCpu(OptionalLong.empty(), OptionalLong.of(1_500_000_000L), 1_000);

        assertThat(report.result("serverCpuMsPerMessage")).isNull();
    }

    @Test
    void eachNumericResultIsComparedWithTheSameResultOfTheBaseline() {
        Report baseline = new Report("rooms")
                .put("messagesStoredAndDeliveredPerSecond", 1_000.0)
                .put("serverCpuMsPerMessage", 0.8)
                .put("postedOver", "http");
        Report report = new Report("rooms")
                .put("messagesStoredAndDeliveredPerSecond", 1_500.0)
                .put("serverCpuMsPerMessage", 0.4)
                .put("postedOver", "http")
                .put("lost", 0L);

        report.comparedWith(ChatServer.JSON.readTree(baseline.json()));

        assertThat(report.comparison("messagesStoredAndDeliveredPerSecond"))
                .isEqualTo(new Report.Comparison(1_000.0, 1.5));
        assertThat(report.comparison("serverCpuMsPerMessage")).isEqualTo(new Report.Comparison(0.8, 0.5));
        assertThat(report.comparison("postedOver")).isNull();
        assertThat(report.comparison("lost")).isNull();
        assertThat(report.table()).contains("against the baseline").contains("x1.50 now");
        assertThat(report.json()).contains("\"baseline\"");
    }
}
