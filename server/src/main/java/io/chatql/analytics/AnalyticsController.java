package io.chatql.analytics;

import io.chatql.auth.Roles;
import io.chatql.system.BlockingWork;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The administrators' analytics queries; refused as FORBIDDEN to anyone else. */
@Controller
class AnalyticsController {

    private final AnalyticsReports reports;

    private final BlockingWork blocking;

    AnalyticsController(AnalyticsReports reports, BlockingWork blocking) {
        this.reports = reports;
        this.blocking = blocking;
    }

    @QueryMapping
    Mono<List<AnalyticsPoint>> analyticsSeries(
            @Argument AnalyticsSeries series,
            @Argument String from,
            @Argument String to,
            @Argument @Nullable AnalyticsInterval interval,
            Authentication caller) {
        Roles.requireAdmin(caller);
        AnalyticsInterval intervals = interval == null ? AnalyticsInterval.DAY : interval;
        ReportRange range = ReportRange.of(from, to, intervals.unit(), intervals.maxSpan());
        return blocking.of(() -> reports.series(series, range));
    }

    @QueryMapping
    Mono<AnalyticsTotals> analyticsTotals(@Argument String from, @Argument String to, Authentication caller) {
        Roles.requireAdmin(caller);
        ReportRange range = ReportRange.of(from, to, ChronoUnit.HOURS, ReportRange.MAX_SPAN);
        return blocking.of(() -> reports.totals(range));
    }
}
