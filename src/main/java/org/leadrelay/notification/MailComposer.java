package org.leadrelay.notification;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.Organizations;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.platform.web.Formats;
import org.leadrelay.platform.web.LocaleFormats;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Referral;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a notice as a mail for one recipient, in their language, as plain text and HTML
 * from the templates and messages under {@code mail/}. Team mails (partner, sender) show
 * the lead's facts and link to it; customer mails show none of that, only other partners
 * to turn to.
 */
@Component
class MailComposer {

	/** The zone of the times in mails, named beside each of them. */
	private static final ZoneId ZONE = ZoneOffset.UTC;

	private final MessageSource messages = messageSource();

	private final SpringTemplateEngine templates = templateEngine(this.messages);

	private final Organizations organizations;

	private final PublicUrl publicUrl;

	MailComposer(Organizations organizations, PublicUrl publicUrl) {
		this.organizations = organizations;
		this.publicUrl = publicUrl;
	}

	ComposedMail compose(Notice notice, Recipient recipient) {
		Locale locale = recipient.locale();
		Referral referral = notice.referral();
		String partner = this.organizations.nameOf(referral.organizationId());
		String location = notice.location() == null ? partner : notice.location().name();
		Object[] args = { referral.customer().name(), location, partner, referral.createdByName(),
				timeLeft(notice.details().timeLeft(), locale) };
		String prefix = "mail." + notice.audience().key() + "." + notice.kind().name() + ".";
		String subject = message(prefix + "subject", args, locale).replaceAll("\\p{Cntrl}", " ");
		Context context = new Context(locale);
		context.setVariable("subject", subject);
		context.setVariable("headline", message(prefix + "headline", args, locale));
		context.setVariable("intro", message(prefix + "intro", args, locale));
		LocaleFormats formats = Formats.of(locale, ZONE);
		String template = notice.audience() == Audience.CUSTOMER
				? forCustomer(context, notice, recipient, partner, formats)
				: forTeam(context, notice, location, formats);
		return new ComposedMail(subject, this.templates.process(template + ".txt", context),
				this.templates.process(template + ".html", context));
	}

	/**
	 * Greets the customer and links their inquiry's status page or lists other partners;
	 * nothing about the lead itself.
	 */
	private String forCustomer(Context context, Notice notice, Recipient recipient, String partner,
			LocaleFormats formats) {
		context.setVariable("greeting", recipient.name());
		context.setVariable("partner", partner);
		context.setVariable("statusLink", notice.details().statusLink());
		context.setVariable("alternatives",
				notice.details()
					.alternatives()
					.stream()
					.map(alternative -> new Link(alternative.partner(),
							formats.address(null, null, null, alternative.city(), null, alternative.country()),
							alternative.link()))
					.toList());
		context.setVariable("marketplace", this.publicUrl.of(MarketplacePaths.SEARCH));
		return "customer";
	}

	/** The lead's facts and a link to it, for the partner's or the vendor's people. */
	private String forTeam(Context context, Notice notice, String location, LocaleFormats formats) {
		Referral referral = notice.referral();
		context.setVariable("facts", facts(notice, location, formats));
		context.setVariable("link", this.publicUrl.of("/leads/" + referral.id()));
		context.setVariable("organization", this.organizations.nameOf(
				notice.audience() == Audience.PARTNER ? referral.organizationId() : referral.vendorOrganizationId()));
		return "team";
	}

	private String message(String key, Object @Nullable [] args, Locale locale) {
		return this.messages.getMessage(key, args, locale);
	}

	private List<Fact> facts(Notice notice, String location, LocaleFormats formats) {
		Locale locale = formats.locale();
		Referral referral = notice.referral();
		NoticeDetails details = notice.details();
		Address address = referral.customer().address();
		List<Fact> facts = new ArrayList<>();
		facts.add(fact("customer", referral.customer().name() + ", " + formats.address(address.addressLine1(),
				address.addressLine2(), address.postalCode(), address.city(), address.state(), address.country()),
				locale));
		facts.add(fact("location", location, locale));
		facts.add(fact("type", message("mail.qualification." + referral.qualification().name(), null, locale), locale));
		if (notice.audience() == Audience.PARTNER) {
			if (referral.notes() != null) {
				facts.add(fact("needs", referral.notes(), locale));
			}
			facts.add(fact("expires", formats.dateTimeWithZone(referral.expiresAt()), locale));
		}
		if (details.reason() != null) {
			facts.add(fact("reason",
					this.messages.getMessage("mail.reason." + details.reason(), null, details.reason(), locale),
					locale));
		}
		if (details.notes() != null) {
			facts.add(fact("notes", details.notes(), locale));
		}
		if (details.dealValue() != null) {
			facts.add(fact("dealValue", formats.money(details.dealValue().amount(), details.dealValue().currency()),
					locale));
		}
		return facts;
	}

	private Fact fact(String field, String value, Locale locale) {
		return new Fact(message("mail.field." + field, null, locale), value);
	}

	private String timeLeft(@Nullable Duration timeLeft, Locale locale) {
		if (timeLeft == null) {
			return "";
		}
		long hours = Math.round(timeLeft.toMinutes() / 60.0);
		return hours >= 24 ? message("mail.timeLeft.days", new Object[] { Math.round(hours / 24.0) }, locale)
				: message("mail.timeLeft.hours", new Object[] { hours }, locale);
	}

	private static MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("mail/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	private static SpringTemplateEngine templateEngine(MessageSource messages) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateEngineMessageSource(messages);
		engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html"));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt"));
		return engine;
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of("*" + suffix));
		resolver.setCharacterEncoding("UTF-8");
		return resolver;
	}

	/** A labelled line of a mail. */
	record Fact(String label, String value) {
	}

	/** A labelled line of a mail with a link. */
	record Link(String label, String value, String url) {
	}

}
