package org.leadrelay.marketplace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.ProfileId;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer inquiries from the marketplace: each becomes a Direct referral for the chosen
 * location, and the customer gets a private link to follow it. The link's token is random
 * (256 bits) and only its hash is stored.
 */
@Service
public class Inquiries {

	private static final SecureRandom random = new SecureRandom();

	private final BusinessProfiles profiles;

	private final ReferralManagement management;

	private final ReferralSearch referrals;

	private final InquiryRateLimit rateLimit;

	private final InquiryRepository inquiries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Inquiries(BusinessProfiles profiles, ReferralManagement management, ReferralSearch referrals,
			InquiryRateLimit rateLimit, InquiryRepository inquiries, ApplicationEventPublisher events, Clock clock) {
		this.profiles = profiles;
		this.management = management;
		this.referrals = referrals;
		this.rateLimit = rateLimit;
		this.inquiries = inquiries;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Sends a customer's inquiry to a location of a listed profile.
	 * @param clientAddress where the request came from, for the rate limit
	 * @param locale the language the customer wrote in, for their confirmation
	 * @throws InquiryRateLimited when the address sent too many lately
	 * @throws DomainException invalid input (naming its field) or an unknown location
	 */
	@Transactional
	public Referral submit(ProfileId profileId, LocationId locationId, NewInquiry inquiry, String clientAddress,
			Locale locale) {
		BusinessProfile profile = this.profiles.find(profileId)
			.filter(BusinessProfile::isListed)
			.orElseThrow(() -> DomainException.notFound("No partner " + profileId));
		Location location = profile.location(locationId)
			.orElseThrow(() -> DomainException.notFound("No location " + locationId));
		this.rateLimit.acquire(clientAddress);
		Referral referral = this.management.receiveInquiry(newReferral(location, profile, inquiry));
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		Instant now = this.clock.instant();
		this.inquiries.add(hash(token), referral.organizationId(), referral.id(), profile.id(), locale.toLanguageTag(),
				now);
		this.events.publishEvent(new InquiryReceived(referral.id(), referral.organizationId(),
				MarketplacePaths.inquiry(token), locale.toLanguageTag(), now));
		return referral;
	}

	/**
	 * The language the customer wrote this inquiry in, for every mail to them; empty for
	 * a referral that is no inquiry (or one from before the language was kept).
	 */
	public Optional<Locale> languageOf(ReferralId referral) {
		return Optional.ofNullable(languagesOf(List.of(referral)).get(referral));
	}

	/**
	 * {@link #languageOf} for many inquiries (those of an expiry sweep batch) at once.
	 */
	public Map<ReferralId, Locale> languagesOf(List<ReferralId> referrals) {
		Map<ReferralId, Locale> languages = new HashMap<>();
		this.inquiries.findLanguages(referrals)
			.forEach((referral, language) -> languages.put(referral, Locale.forLanguageTag(language)));
		return languages;
	}

	/** The status behind a private link; empty for a token that opens nothing. */
	@Transactional(readOnly = true)
	public Optional<InquiryStatus> status(String token) {
		if (token.length() > 100) {
			return Optional.empty();
		}
		return this.inquiries.findByTokenHash(hash(token))
			.flatMap(inquiry -> this.referrals.findOwnedBy(inquiry.organizationId(), inquiry.referralId())
				.flatMap(
						referral -> this.profiles.find(inquiry.profileId()).map(profile -> status(referral, profile))));
	}

	private static InquiryStatus status(Referral referral, BusinessProfile profile) {
		InquiryStatus.Stage stage = switch (referral.status()) {
			case New -> InquiryStatus.Stage.RECEIVED;
			case Active -> InquiryStatus.Stage.IN_PROGRESS;
			case Closed -> InquiryStatus.Stage.CLOSED;
		};
		// a location removed since has no page any more
		Optional<Location> location = profile.location(referral.locationId());
		return new InquiryStatus(profile.details().name(), location.map(Location::name).orElse(""), profile.id(),
				referral.locationId(), location.isPresent(), referral.createdAt(), stage);
	}

	private static NewReferral newReferral(Location location, BusinessProfile profile, NewInquiry inquiry) {
		Expertise expertise = profile.details().expertise();
		List<String> topics = inquiry.topics();
		Requirements requirements = new Requirements(chosen(expertise.industries(), topics),
				chosen(expertise.products(), topics), chosen(expertise.services(), topics),
				chosen(expertise.solutions(), topics));
		Customer customer = new Customer(inquiry.company(), Address.of(null, null, null, null, null, inquiry.country()),
				inquiry.size(), List.of(TeamMember.of("contact", inquiry.firstName(), inquiry.lastName(),
						inquiry.phone(), inquiry.email())));
		return new NewReferral(location.id(), Qualification.Direct, ReferralType.Independent, null, null, customer,
				new Consent(inquiry.consentToContact(), false), requirements,
				Text.required("details/notes", inquiry.needs(), NewInquiry.MAX_NEEDS), null, null,
				inquiry.contactRequested(), null);
	}

	/** The profile's tags the customer ticked; anything else is ignored. */
	private static List<String> chosen(List<String> offered, List<String> topics) {
		return offered.stream().filter(topics::contains).toList();
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
