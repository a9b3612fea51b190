package org.leadrelay.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The part of OData's {@code $filter} (and of SOQL's {@code WHERE}) that CRMs are asked:
 * comparisons of a field with a quoted string, {@code null}, a boolean, a number or a
 * date-time, joined by {@code and}. Anything else is a syntax error, as on the real
 * server; so is a field the entity does not have.
 */
final class ODataFilter {

	/** How a dialect writes its literals and operators. */
	record Dialect(String and, Map<String, String> operators, char escape) {

		static final Dialect ODATA = new Dialect("and",
				Map.of("eq", "eq", "ne", "ne", "ge", "ge", "gt", "gt", "le", "le", "lt", "lt"), '\'');

		static final Dialect SOQL = new Dialect("AND",
				Map.of("=", "eq", "!=", "ne", ">=", "ge", ">", "gt", "<=", "le", "<", "lt"), '\\');

	}

	private ODataFilter() {
	}

	/**
	 * @param fields the fields the entity has
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static Predicate<Map<String, Object>> parse(String text, Dialect dialect, List<String> fields) {
		List<Predicate<Map<String, Object>>> conditions = new ArrayList<>();
		int[] at = { 0 };
		while (true) {
			String field = word(text, at);
			if (!fields.contains(field)) {
				throw new IllegalArgumentException("unknown field '" + field + "'");
			}
			String op = dialect.operators().get(word(text, at));
			if (op == null) {
				throw new IllegalArgumentException("unsupported operator after " + field);
			}
			Object value = value(text, at, dialect);
			conditions.add(record -> compare(record.get(field), op, value));
			skipSpaces(text, at);
			if (at[0] >= text.length()) {
				break;
			}
			if (!word(text, at).equals(dialect.and())) {
				throw new IllegalArgumentException("expected '" + dialect.and() + "' at " + at[0]);
			}
		}
		return record -> conditions.stream().allMatch(condition -> condition.test(record));
	}

	private static boolean compare(@Nullable Object actual, String op, @Nullable Object expected) {
		if (expected == null || actual == null) {
			boolean same = expected == actual;
			return switch (op) {
				case "eq" -> same;
				case "ne" -> !same;
				default -> false;
			};
		}
		int order;
		if (expected instanceof Instant instant) {
			order = Instant.parse(actual.toString()).compareTo(instant);
		}
		else if (expected instanceof BigDecimal number) {
			order = new BigDecimal(actual.toString()).compareTo(number);
		}
		else {
			order = Objects.equals(actual.toString(), expected.toString()) ? 0
					: actual.toString().compareTo(expected.toString());
		}
		return switch (op) {
			case "eq" -> order == 0;
			case "ne" -> order != 0;
			case "ge" -> order >= 0;
			case "gt" -> order > 0;
			case "le" -> order <= 0;
			default -> order < 0;
		};
	}

	private static @Nullable Object value(String text, int[] at, Dialect dialect) {
		skipSpaces(text, at);
		if (at[0] < text.length() && text.charAt(at[0]) == '\'') {
			StringBuilder value = new StringBuilder();
			int i = at[0] + 1;
			while (true) {
				if (i >= text.length()) {
					throw new IllegalArgumentException("unterminated string");
				}
				char c = text.charAt(i);
				if (dialect.escape() == '\'' && c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
					value.append('\'');
					i += 2;
				}
				else if (dialect.escape() == '\\' && c == '\\' && i + 1 < text.length()) {
					char escaped = text.charAt(i + 1);
					value.append(switch (escaped) {
						case 'n' -> '\n';
						case 'r' -> '\r';
						case 't' -> '\t';
						default -> escaped;
					});
					i += 2;
				}
				else if (c == '\'') {
					at[0] = i + 1;
					return value.toString();
				}
				else {
					value.append(c);
					i++;
				}
			}
		}
		String word = word(text, at);
		if (word.equals("null")) {
			return null;
		}
		if (word.equals("true") || word.equals("false")) {
			return word;
		}
		if (word.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")) {
			return Instant.parse(word);
		}
		if (word.matches("-?\\d+(\\.\\d+)?")) {
			return new BigDecimal(word);
		}
		throw new IllegalArgumentException("not a value: " + word);
	}

	private static String word(String text, int[] at) {
		skipSpaces(text, at);
		int start = at[0];
		while (at[0] < text.length() && text.charAt(at[0]) != ' ') {
			at[0]++;
		}
		if (start == at[0]) {
			throw new IllegalArgumentException("unexpected end");
		}
		return text.substring(start, at[0]);
	}

	private static void skipSpaces(String text, int[] at) {
		while (at[0] < text.length() && text.charAt(at[0]) == ' ') {
			at[0]++;
		}
	}

}
