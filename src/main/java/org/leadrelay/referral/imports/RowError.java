package org.leadrelay.referral.imports;

/**
 * What is wrong with an uploaded file, in the uploader's language.
 *
 * @param row the row in the file (the header is 1), or 0 for the file as a whole
 * @param column the column at fault, or empty for the row as a whole
 */
record RowError(int row, String column, String message) {

}
