package org.leadrelay.crm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync log texts kept as keys read the same in English as the sentences written before,
 * render nested words in the reader's language, and survive being stored and read back.
 */
class LogTextTests {

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void aPushSummaryReadsAsBeforeInEnglishAndInHungarianForHungarianReaders() {
		LogText summary = LogText.steps(List.of(LogText.of("crm.log.pushed.CREATED", "opp-1"),
				LogText.of("crm.log.pushed.updated",
						LogText
							.list(List.of(LogText.of("crm.log.field.AMOUNT"), LogText.of("crm.log.field.CLOSE_DATE")))),
				LogText.of("crm.log.pushed.closed", LogText.of("crm.log.stage.WON"))));

		assertThat(render(summary, Locale.ENGLISH))
			.isEqualTo("Created opportunity opp-1; updated amount, close date; closed it as won");
		assertThat(render(summary, Locale.forLanguageTag("hu")))
			.isEqualTo("Lehetőség létrehozva: opp-1; frissítve: összeg, vásárlási dátum; lezárva, eredmény: megnyert");
	}

	@Test
	void storedArgumentsAreReadBackAndTheCrmsOwnTextStaysAsSent() {
		LogText text = LogText.of("crm.log.notApplied", "Dynamics 365", LogText.of("crm.log.notApplied.stageDiffers",
				LogText.of("crm.log.stage.LOST"), LogText.of("stage.Won")));
		List<Object> stored = text.stored();
		assertThat(stored.get(1)).isInstanceOf(Map.class);

		LogText read = LogText.read(text.key(), stored);

		assertThat(render(read, Locale.ENGLISH)).isEqualTo("Not applied from Dynamics 365: the opportunity is lost "
				+ "there, but the lead is Won; press Retry to send the lead's stage");
		assertThat(render(LogText.of("crm.log.readFailed", "Dynamics 365 answered 500: {Generic} 'SQL' error"),
				Locale.forLanguageTag("hu")))
			.isEqualTo("A módosítások beolvasása nem sikerült: Dynamics 365 answered 500: {Generic} 'SQL' error");
	}

	private String render(LogText text, Locale locale) {
		return this.messages.getMessage(text.resolvable(text.key()), locale);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
