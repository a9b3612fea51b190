package org.leadrelay.referral.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import tools.jackson.databind.JsonNode;

/**
 * Parsing of API values that JSON types alone do not pin down, with errors naming the
 * field.
 */
final class ApiValues {

	/** The years a four-digit ISO date spells, and the database stores. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

	private ApiValues() {
	}

	/**
	 * A JSON number as a decimal; one too large for a double (1e400) was read as
	 * infinite, and is refused with {@code message}, as a value that is not a number is.
	 */
	static BigDecimal decimal(String target, JsonNode number, String message) {
		if (!number.isNumber() || (number.isFloatingPointNumber() && !Double.isFinite(number.doubleValue()))) {
			throw DomainException.invalid(target, message);
		}
		return number.decimalValue();
	}

	/**
	 * A point in time: an ISO-8601 date-time with offset ({@code 2027-03-31T00:00:00Z})
	 * or a date ({@code 2027-03-31}, meaning its start in UTC).
	 */
	static @Nullable Instant instant(String target, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		Instant instant;
		try {
			instant = (text.length() == 10) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid(target, target
					+ " must be an ISO-8601 date-time such as 2027-03-31T00:00:00Z (got '" + abbreviate(text) + "')");
		}
		if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
			throw DomainException.invalid(target,
					target + " must lie between the years 1 and 9999 (got '" + abbreviate(text) + "')");
		}
		return instant;
	}

	static <E extends Enum<E>> E enumValue(String target, @Nullable String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			throw DomainException.invalid(target, target + " is required; use one of " + names(type));
		}
		return Arrays.stream(type.getEnumConstants())
			.filter(constant -> constant.name().equals(value.strip()))
			.findFirst()
			.orElseThrow(() -> DomainException.invalid(target,
					target + " '" + abbreviate(value) + "' is not valid; use one of " + names(type)));
	}

	static @Nullable UUID uuid(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String names(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
	}

	static String abbreviate(String value) {
		return value.length() > 60 ? value.substring(0, 60) + "…" : value;
	}

}
