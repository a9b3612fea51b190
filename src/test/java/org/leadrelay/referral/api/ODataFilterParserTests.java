package org.leadrelay.referral.api;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralFilter.And;
import org.leadrelay.referral.ReferralFilter.Comparison;
import org.leadrelay.referral.ReferralFilter.Field;
import org.leadrelay.referral.ReferralFilter.Operator;
import org.leadrelay.referral.ReferralFilter.Or;
import org.leadrelay.referral.Status;
import org.leadrelay.referral.Substatus;
import org.leadrelay.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ODataFilterParserTests {

	@Test
	void parsesAComparison() {
		assertThat(ODataFilterParser.parse("status eq 'New'"))
			.isEqualTo(new Comparison(Field.STATUS, Operator.EQ, Status.New));
	}

	@Test
	void andBindsTighterThanOr() {
		ReferralFilter filter = ODataFilterParser
			.parse("substatus eq 'Won' or substatus eq 'Lost' and qualification eq 'Direct'");

		assertThat(filter).isEqualTo(new Or(List.of(new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Won),
				new And(List.of(new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Lost),
						new Comparison(Field.QUALIFICATION, Operator.EQ, Qualification.Direct))))));
	}

	@Test
	void parenthesesGroup() {
		ReferralFilter filter = ODataFilterParser
			.parse("(substatus eq 'Won' or substatus eq 'Lost') and qualification eq 'Direct'");

		assertThat(filter).isInstanceOf(And.class);
		assertThat(((And) filter).operands().get(0)).isInstanceOf(Or.class);
	}

	@Test
	void readsDatesNumbersBooleansAndNull() {
		assertThat(ODataFilterParser.parse("createdDateTime ge 2026-01-31T00:00:00Z"))
			.isEqualTo(new Comparison(Field.CREATED, Operator.GE, Instant.parse("2026-01-31T00:00:00Z")));
		assertThat(ODataFilterParser.parse("expirationDateTime lt '2026-02-01'"))
			.isEqualTo(new Comparison(Field.EXPIRATION, Operator.LT, Instant.parse("2026-02-01T00:00:00Z")));
		assertThat(ODataFilterParser.parse("details/dealValue gt 1000.5"))
			.isEqualTo(new Comparison(Field.DEAL_VALUE, Operator.GT, new java.math.BigDecimal("1000.5")));
		assertThat(ODataFilterParser.parse("favorite eq true"))
			.isEqualTo(new Comparison(Field.FAVORITE, Operator.EQ, Boolean.TRUE));
		assertThat(ODataFilterParser.parse("details/dealValue eq null"))
			.isEqualTo(new Comparison(Field.DEAL_VALUE, Operator.EQ, null));
		assertThat(ODataFilterParser.parse("customerProfile/address/country eq 'hu'"))
			.isEqualTo(new Comparison(Field.CUSTOMER_COUNTRY, Operator.EQ, "HU"));
	}

	@Test
	void aDoubledQuoteIsAQuoteInsideTheValueNotTheEndOfIt() {
		assertThatThrownBy(() -> ODataFilterParser.parse("status eq 'New'' or ''1''=''1'"))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("is not a valid status");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "status", "status eq", "status eq 'New' and", "(status eq 'New'", "status eq 'New')",
			"status eq 'New", "status like 'New'", "status gt 'New'", "name eq 'x'", "status eq New", "status eq 'Old'",
			"favorite eq 'true'", "createdDateTime ge yesterday", "not status eq 'New'", "contains(name, 'x')",
			"status eq 'New'; drop table referral; --", "status eq 'New' or 1 eq 1",
			"customerProfile/address/country eq 'HUN'", "status eq 'New' $", "details/dealValue gt null",
			"status eq 'New' status eq 'New'" })
	void refusesWhatItDoesNotSupportNamingThePart(String filter) {
		assertThatThrownBy(() -> ODataFilterParser.parse(filter)).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.target()).isEqualTo("$filter");
			assertThat(ex.getMessage()).startsWith("Unsupported $filter: ");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "details/dealValue gt 1e131072", "details/dealValue gt 1e-999999999",
			"details/dealValue lt -100000000000000000", "details/dealValue eq 0.001",
			"createdDateTime gt +999999999-01-01T00:00:00Z", "expirationDateTime lt -999999999-01-01T00:00:00Z",
			"updatedDateTime ge 0000-12-31T23:59:59Z", "createdDateTime le +10000-01-01" })
	void refusesLiteralsBeyondWhatTheColumnsHoldQuotingThem(String filter) {
		String literal = filter.substring(filter.lastIndexOf(' ') + 1);
		assertThatThrownBy(() -> ODataFilterParser.parse(filter)).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.target()).isEqualTo("$filter");
			assertThat(ex.getMessage()).contains("'" + literal + "'");
		});
	}

	@Test
	void acceptsTheEdgesOfTheRanges() {
		assertThat(ODataFilterParser.parse("details/dealValue lt 99999999999999999.99")).isNotNull();
		assertThat(ODataFilterParser.parse("details/dealValue gt -99999999999999999.99")).isNotNull();
		assertThat(ODataFilterParser.parse("createdDateTime ge 0001-01-01T00:00:00Z")).isNotNull();
		assertThat(ODataFilterParser.parse("createdDateTime le 9999-12-31T23:59:59Z")).isNotNull();
	}

	@Test
	void refusesFiltersThatAreTooLongOrDeep() {
		assertThatThrownBy(() -> ODataFilterParser.parse("(".repeat(20) + "status eq 'New'" + ")".repeat(20)))
			.hasMessageContaining("nest deeper");
		assertThatThrownBy(() -> ODataFilterParser.parse("status eq 'New' or ".repeat(150) + "status eq 'New'"))
			.hasMessageContaining("longer than");
	}

}
