package org.leadrelay.marketplace;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search words become a safe full-text query: letters and digits only, typos as
 * alternatives.
 */
class KeywordsTests {

	@Test
	void wordsAreFoldedAndEverythingElseIsDroppedAndOnlyLongerWordsArePrefixes() {
		Keywords keywords = Keywords.parse("  Győr & ERP | !C++ (Dynamics:*) 'manufact' ");

		assertThat(keywords.words()).containsExactly("gyor", "erp", "c", "dynamics", "manufact");
		assertThat(keywords.exactQuery()).isEqualTo("gyor:* & erp:* & c & dynamics:* & manufact:*");
	}

	@Test
	void correctionsAreAlternativesOfTheirWord() {
		Keywords keywords = Keywords.parse("dynamcis erp");

		assertThat(keywords.correctable()).containsExactly("dynamcis");
		assertThat(keywords.query(Map.of("dynamcis", List.of("dynamics", "dynamo"))))
			.isEqualTo("(dynamcis:* | dynamics | dynamo) & erp:*");
	}

	@Test
	void aLongSearchIsCutToItsFirstWords() {
		Keywords keywords = Keywords.parse("a b c d e f g h i j " + "x".repeat(60));

		assertThat(keywords.words()).hasSize(Keywords.MAX_WORDS).doesNotContain("x".repeat(60));
		assertThat(Keywords.parse("  ,;  ").isEmpty()).isTrue();
	}

}
