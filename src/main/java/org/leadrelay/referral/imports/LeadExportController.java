package org.leadrelay.referral.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralPage;
import org.leadrelay.referral.ReferralQuery;
import org.leadrelay.referral.ReferralQuery.Cursor;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.referral.web.LeadListParams;
import org.leadrelay.referral.web.NewLeadForm;
import org.leadrelay.shared.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leads list as a CSV file ({@link LeadCsv}, written by {@link CsvExport}), in the
 * columns the import reads back.
 */
@Controller
class LeadExportController {

	private final CsvExport export;

	private final LeadImports imports;

	LeadExportController(CsvExport export, LeadImports imports) {
		this.export = export;
		this.imports = imports;
	}

	@GetMapping("/leads/export.csv")
	void export(Caller caller, @RequestParam(required = false) @Nullable String tab,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String sort, HttpServletResponse response) throws IOException {
		this.export.write(caller, LeadListParams.of(tab, stage, q, sort, null), "leads", header(), referrals -> {
			Map<ReferralId, String> rowKeys = this.imports.rowKeys(referrals);
			return referrals.stream().map(referral -> cells(referral, rowKeys.get(referral.id()))).toList();
		}, response);
	}

	private static List<String> header() {
		return Stream
			.of(Stream.of(LeadCsv.ROW_KEY), LeadCsv.EXPORT_ONLY.stream(),
					LeadCsv.LEAD_COLUMNS.stream().map(LeadCsv.Column::name))
			.flatMap(names -> names)
			.toList();
	}

	/**
	 * A lead's cells. A lead that did not come from an import has its id as its row key:
	 * importing it elsewhere (or again) creates it once.
	 */
	private static List<String> cells(Referral referral, @Nullable String rowKey) {
		NewLeadForm form = NewLeadForm.of(referral);
		List<String> cells = new ArrayList<>();
		cells.add(rowKey == null ? referral.id().toString() : rowKey);
		cells.add(referral.id().toString());
		cells.add(referral.substatus().name());
		cells.add(referral.createdAt().toString());
		cells.add(referral.expiresAt().toString());
		LeadCsv.LEAD_COLUMNS.forEach(column -> cells.add(LeadCsv.text(column.value().apply(form))));
		return cells;
	}

}
