package org.leadrelay.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.Organizations;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.platform.web.Formats;
import org.leadrelay.platform.web.LocaleFormats;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.shared.OrganizationId;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a notice as a mail for one recipient, in their language, as plain text and HTML
 * from the templates and messages under {@code mail/}. Team mails (partner, sender) show
 * the lead's facts and link to it; customer mails show none of that, only other partners
 * to turn to.
 */
@Component
class MailComposer {

	private final NoticeTexts texts;

	private final SpringTemplateEngine templates;

	private final Organizations organizations;

	private final PublicUrl publicUrl;

	private final DealFacts dealFacts;

	MailComposer(NoticeTexts texts, Organizations organizations, PublicUrl publicUrl) {
		this.texts = texts;
		this.dealFacts = new DealFacts(texts);
		this.templates = templateEngine(texts.messages());
		this.organizations = organizations;
		this.publicUrl = publicUrl;
	}

	/** What the notice fills into its texts, whoever reads it. */
	NoticeArguments arguments(Notice notice) {
		Referral referral = notice.referral();
		String partner = this.organizations.nameOf(referral.organizationId());
		String location = notice.location() == null ? partner : notice.location().name();
		boolean byCustomer = referral.qualification() == Qualification.Direct
				&& !referral.customer().contacts().isEmpty();
		String sender = byCustomer ? NoticeArguments.personName(referral.customer().contacts().get(0))
				: referral.createdByName();
		NoticeDetails details = notice.details();
		if (!notice.kind().aboutDeal()) {
			return new NoticeArguments(referral.customer().name(), location, partner, sender, byCustomer,
					details.timeLeft());
		}
		return new NoticeArguments(referral.customer().name(), location, partner, sender, false, null,
				Objects.toString(referral.name(), ""),
				details.counterpart() == null ? "" : this.organizations.nameOf(details.counterpart()),
				details.stage() == null ? "" : details.stage().name());
	}

	ComposedMail compose(Notice notice, NoticeArguments arguments, Recipient recipient) {
		Locale locale = recipient.locale();
		String subject = this.texts.subject(notice.audience(), notice.kind(), arguments, locale);
		Context context = new Context(locale);
		context.setVariable("subject", subject);
		context.setVariable("headline",
				this.texts.part(notice.audience(), notice.kind(), "headline", arguments, locale));
		context.setVariable("intro", this.texts.part(notice.audience(), notice.kind(), "intro", arguments, locale));
		LocaleFormats formats = Formats.of(locale, recipient.zone());
		String template = notice.audience() == Audience.CUSTOMER
				? forCustomer(context, notice, recipient, arguments.partner(), formats)
				: forTeam(context, notice, arguments.location(), formats);
		return new ComposedMail(subject, this.templates.process(template + ".txt", context),
				this.templates.process(template + ".html", context));
	}

	/** A user's daily digest: each lead with its customer, location, type and link. */
	ComposedMail composeDigest(Recipient recipient, List<LeadDigestItem> items) {
		Locale locale = recipient.locale();
		List<ListedLead> leads = items.stream()
			.map(item -> new ListedLead(item.customer(), item.location(), "",
					message("mail.qualification." + item.qualification(), null, locale),
					this.publicUrl.of("/leads/" + item.referralId())))
			.toList();
		return listing(locale, message("mail.digest.subject", new Object[] { items.size() }, locale),
				message("mail.digest.intro", null, locale), message("mail.digest.footer", null, locale), false, leads);
	}

	/**
	 * A sender's mail about several leads of one expiry batch, all of one vendor: each
	 * lead with its customer, location, partner, type and link.
	 */
	ComposedMail composeExpired(Recipient recipient, List<ToldLead> leads) {
		Locale locale = recipient.locale();
		return listing(locale, message("mail.expired.subject", new Object[] { leads.size() }, locale),
				message("mail.expired.intro", null, locale),
				footer(leads.get(0).notice().referral().vendorOrganizationId(), locale), true, listed(leads, locale));
	}

	/**
	 * A partner's mail about several new leads announced together, all for one
	 * organization: each lead with its customer, location, type and link.
	 */
	ComposedMail composeReceived(Recipient recipient, List<ToldLead> leads) {
		Locale locale = recipient.locale();
		return listing(locale, message("mail.digest.subject", new Object[] { leads.size() }, locale),
				message("mail.received.intro", null, locale),
				footer(leads.get(0).notice().referral().organizationId(), locale), false, listed(leads, locale));
	}

	private List<ListedLead> listed(List<ToldLead> leads, Locale locale) {
		return leads.stream().map(lead -> {
			Referral referral = lead.notice().referral();
			return new ListedLead(lead.arguments().customer(), lead.arguments().location(), lead.arguments().partner(),
					message("mail.qualification." + referral.qualification(), null, locale),
					this.publicUrl.of("/leads/" + referral.id()));
		}).toList();
	}

	private String footer(OrganizationId organization, Locale locale) {
		return message("mail.footer.team", new Object[] { this.organizations.nameOf(organization) }, locale);
	}

	/** The one layout of every mail that lists leads. */
	private ComposedMail listing(Locale locale, String subject, String intro, String footer, boolean withPartner,
			List<ListedLead> leads) {
		Context context = new Context(locale);
		context.setVariable("subject", subject);
		context.setVariable("intro", intro);
		context.setVariable("footer", footer);
		context.setVariable("withPartner", withPartner);
		context.setVariable("leads", leads);
		return new ComposedMail(subject, this.templates.process("lead-list.txt", context),
				this.templates.process("lead-list.html", context));
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
		boolean deal = notice.kind().aboutDeal();
		context.setVariable("facts",
				deal ? this.dealFacts.of(notice, location, formats) : facts(notice, location, formats));
		context.setVariable("deal", deal);
		context.setVariable("link", this.publicUrl.of(notice.kind().pathTo(referral.id())));
		context.setVariable("organization", this.organizations.nameOf(
				notice.audience() == Audience.SENDER ? referral.vendorOrganizationId() : referral.organizationId()));
		return "team";
	}

	private String message(String key, Object @Nullable [] args, Locale locale) {
		return this.texts.message(key, args, locale);
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
					this.texts.messages().getMessage("mail.reason." + details.reason(), null, details.reason(), locale),
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

	/** A lead as a mail that lists several shows it. */
	record ListedLead(String customer, String location, String partner, String type, String url) {
	}

	/** A labelled line of a mail with a link. */
	record Link(String label, String value, String url) {
	}

}
