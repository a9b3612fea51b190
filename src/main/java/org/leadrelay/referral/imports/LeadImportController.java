package org.leadrelay.referral.imports;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.imports.LeadImports.Upload;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Vendor staff import qualified leads from a CSV file: an upload whose file as a whole is
 * wrong comes back with the reason; any other is stored and answered at once with its
 * page, which shows the check of its rows and then their import in the background (htmx
 * polls it; without JavaScript a link reloads it) and, at the end, every row's error with
 * nothing imported, or the summary.
 */
@Controller
class LeadImportController {

	static final int RECENT_IMPORTS = 10;

	private final LeadImports imports;

	private final LeadImportWorker worker;

	private final DataSize maxFileSize;

	private final int maxRows;

	LeadImportController(LeadImports imports, LeadImportWorker worker,
			@Value("${leadrelay.imports.max-file-size:20MB}") DataSize maxFileSize,
			@Value("${leadrelay.imports.max-rows:50000}") int maxRows) {
		this.imports = imports;
		this.worker = worker;
		this.maxFileSize = maxFileSize;
		this.maxRows = maxRows;
	}

	@GetMapping("/leads/imports")
	String form(Caller caller, Model model) {
		return page(caller, model);
	}

	@PostMapping("/leads/imports")
	String upload(Caller caller, @RequestParam(required = false) @Nullable MultipartFile file, Locale locale,
			Model model, HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty() || file.getSize() > this.maxFileSize.toBytes()) {
			model.addAttribute("fileError",
					file == null || file.isEmpty() ? "leadImport.error.noFile" : "leadImport.error.tooLarge");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(caller, model);
		}
		Upload upload = this.imports.upload(caller, fileName(file), file.getBytes(), locale);
		if (upload.id() == null) {
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("uploadErrors", List.of(upload.error()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(caller, model);
		}
		UUID id = upload.id();
		this.worker.startInBackground(id);
		return "redirect:/leads/imports/" + id;
	}

	@GetMapping("/leads/imports/{id}")
	String progress(Caller caller, @PathVariable UUID id, HtmxRequest htmx, Model model) {
		model.addAttribute("progress", this.imports.find(caller, id)
			.orElseThrow(() -> DomainException.notFound("Import " + id + " not found")));
		return htmx.isHtmxRequest() ? "imports/import-progress :: progress" : "imports/import-progress";
	}

	private String page(Caller caller, Model model) {
		model.addAttribute("recent", this.imports.recent(caller, RECENT_IMPORTS));
		model.addAttribute("maxMegabytes", this.maxFileSize.toMegabytes());
		model.addAttribute("maxRows", this.maxRows);
		model.addAttribute("leadColumns", LeadCsv.LEAD_COLUMNS.stream().map(LeadCsv.Column::name).toList());
		return "imports/import";
	}

	private static String fileName(MultipartFile file) {
		String name = StringUtils.getFilename(file.getOriginalFilename());
		return name == null || name.isBlank() ? "leads.csv" : name.substring(0, Math.min(name.length(), 255));
	}

}
