package org.leadrelay.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets LeadRelay generates for itself on the embedded database (its password, the
 * master key), kept in files only their owner can read (mode 0600).
 */
final class SecretFiles {

	private static final SecureRandom random = new SecureRandom();

	private SecretFiles() {
	}

	/** {@code bytes} random bytes, base64url without padding (safe in SQL and URLs). */
	static String random(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	/**
	 * Writes a new file readable by its owner only; it never existed with wider rights.
	 */
	static void write(Path file, String secret) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
		Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
	}

	static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8).strip();
	}

}
