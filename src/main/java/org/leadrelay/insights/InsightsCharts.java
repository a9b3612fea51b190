package org.leadrelay.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.LeadFigures;
import org.leadrelay.referral.LeadFigures.Outcomes;
import org.leadrelay.referral.Qualification;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The data of the insights page's Chart.js charts, with labels in the reader's language;
 * the page's script only draws it. The template writes it as JSON with Thymeleaf's
 * JavaScript inlining, which also escapes what could end the {@code <script>} element
 * ({@code </}). It leaves {@code <!--<script} as it is, which would keep the element's
 * end tag from ending it: every label here is LeadRelay's own text (messages, dates,
 * currency codes), never a user's.
 */
@Component
class InsightsCharts {

	private final MessageSource messages;

	InsightsCharts(MessageSource messages) {
		this.messages = messages;
	}

	Map<String, Object> data(LeadFigures figures, List<WeekRow> weeks, Locale locale) {
		Map<String, Object> charts = new LinkedHashMap<>();
		List<String> weekLabels = weeks.stream().map(row -> week(row.week(), locale)).toList();
		charts.put("weekly",
				Map.of("labels", weekLabels, "datasets",
						Arrays.stream(Qualification.values())
							.map(type -> Map.of("label", text("qualification." + type, locale), "data",
									weeks.stream().map(row -> row.count(type)).toList()))
							.toList()));
		Outcomes outcomes = figures.outcomes();
		charts.put("funnel", series(locale, List.of("stage.Received", "stage.Accepted", "stage.Won"),
				List.of(outcomes.received(), outcomes.accepted(), outcomes.won())));
		charts.put("outcomes", series(locale, List.of("stage.Won", "stage.Lost", "stage.Declined", "stage.Expired"),
				List.of(outcomes.won(), outcomes.lost(), outcomes.declined(), outcomes.expired())));
		Map<String, Object> responseTime = new LinkedHashMap<>();
		responseTime.put("labels", figures.responseTimeTrend().stream().map(row -> week(row.week(), locale)).toList());
		responseTime.put("label", text("insights.chart.responseTime.hours", locale));
		responseTime.put("data", figures.responseTimeTrend().stream().map(row -> hours(row.median())).toList());
		responseTime.put("programLabel", text("insights.chart.responseTime.program", locale));
		responseTime.put("program", hours(figures.programMedianResponseTime()));
		charts.put("responseTime", responseTime);
		charts.put("pipeline",
				figures.pipeline()
					.stream()
					.map(currency -> Map.of("currency", currency.currency().getCurrencyCode(), "labels",
							List.of(text("insights.pipeline.open", locale), text("insights.pipeline.won", locale)),
							"data", List.of(currency.open(), currency.won())))
					.toList());
		return charts;
	}

	private Map<String, Object> series(Locale locale, List<String> keys, List<Long> values) {
		return Map.of("labels", keys.stream().map(key -> text(key, locale)).toList(), "data", values);
	}

	private static @Nullable BigDecimal hours(@Nullable Duration duration) {
		return duration == null ? null
				: BigDecimal.valueOf(duration.toSeconds()).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
	}

	private static String week(LocalDate week, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(week);
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
