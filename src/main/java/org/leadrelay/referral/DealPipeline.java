package org.leadrelay.referral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open co-sell deals a caller may see, per currency (never added across currencies)
 * and sales stage: how many, their value, and their value weighted by the stage's chance
 * of winning ({@link DealStage#percent()}). Leads are not in it.
 */
public record DealPipeline(List<CurrencyDeals> currencies) {

	public DealPipeline {
		currencies = List.copyOf(currencies);
	}

	/** From the count and value of each currency's stages, in any order. */
	static DealPipeline of(List<StageDeals> stages) {
		Map<Currency, List<StageDeals>> byCurrency = new LinkedHashMap<>();
		stages.stream()
			.sorted(Comparator.comparing((StageDeals stage) -> stage.currency().getCurrencyCode())
				.thenComparing(StageDeals::stage))
			.forEach(stage -> byCurrency.computeIfAbsent(stage.currency(), currency -> new ArrayList<>()).add(stage));
		return new DealPipeline(byCurrency.entrySet()
			.stream()
			.map(entry -> new CurrencyDeals(entry.getKey(), entry.getValue()))
			.toList());
	}

	public boolean isEmpty() {
		return this.currencies.isEmpty();
	}

	/** One currency's open deals, stage by stage, with their totals. */
	public record CurrencyDeals(Currency currency, List<StageDeals> stages) {

		public CurrencyDeals {
			stages = List.copyOf(stages);
		}

		public long count() {
			return this.stages.stream().mapToLong(StageDeals::count).sum();
		}

		public BigDecimal value() {
			return this.stages.stream().map(StageDeals::value).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		public BigDecimal weighted() {
			return this.stages.stream().map(StageDeals::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	/** The open deals of one currency at one stage. */
	public record StageDeals(Currency currency, DealStage stage, long count, BigDecimal value) {

		/** The value times the stage's chance of winning, to the cent. */
		public BigDecimal weighted() {
			return this.value.multiply(BigDecimal.valueOf(this.stage.percent()))
				.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
		}

	}

}
