package org.leadrelay.referral.imports;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Formula neutralisation against CSV injection, and its undoing on import. */
class LeadCsvTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+2", "+36 1 555 0100", "-2+3", "@SUM(A1)", "\tcmd", "\r=1" })
	void aCellThatCouldStartAFormulaIsShownAsText(String cell) {
		assertThat(LeadCsv.neutralised(cell)).isEqualTo("'" + cell);
		assertThat(LeadCsv.restored(LeadCsv.neutralised(cell))).isEqualTo(cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Alpine Dairy", "'t Hooft", "", "1+1", "a=b" })
	void otherCellsStayAsTheyAre(String cell) {
		assertThat(LeadCsv.neutralised(cell)).isEqualTo(cell);
		assertThat(LeadCsv.restored(cell)).isEqualTo(cell);
	}

}
