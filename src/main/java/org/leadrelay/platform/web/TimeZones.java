package org.leadrelay.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The time zones a person may choose: the region zones of the tz database by their city
 * ({@code Europe/Budapest}) plus UTC, without the legacy aliases ({@code US/Pacific},
 * {@code Etc/GMT+1}) that only duplicate them.
 */
public final class TimeZones {

	/** The zone of people who have not chosen one and of visitors; UTC if not set. */
	public static final String PROPERTY = "leadrelay.web.time-zone";

	private static final Pattern REGION = Pattern
		.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+");

	private static final Set<String> OFFERED = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(id -> REGION.matcher(id).matches() || "UTC".equals(id))
		.collect(Collectors.toUnmodifiableSet());

	private TimeZones() {
	}

	/** Whether people may choose the zone with this id. */
	public static boolean isOffered(@Nullable String id) {
		return id != null && OFFERED.contains(id);
	}

	/** The offered zone with this id, else null. */
	public static @Nullable ZoneId offered(@Nullable String id) {
		return isOffered(id) ? ZoneId.of(id) : null;
	}

	/**
	 * The offered zones as a select lists them: by their offset at {@code now} (west to
	 * east), then by name, each labelled like "(UTC+01:00) Europe/Budapest".
	 */
	public static List<Option> options(Instant now) {
		return OFFERED.stream()
			.map(id -> new Option(id, ZoneId.of(id).getRules().getOffset(now)))
			.sorted(Comparator.comparing((Option option) -> option.offset().getTotalSeconds())
				.thenComparing(Option::id))
			.toList();
	}

	/** A zone to choose, with its offset now. */
	public record Option(String id, ZoneOffset offset) {

		public String label() {
			String offset = this.offset.getTotalSeconds() == 0 ? "" : this.offset.getId();
			return "(UTC" + offset + ") " + this.id.replace('_', ' ');
		}

	}

}
