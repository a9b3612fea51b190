package org.leadrelay.notification;

/**
 * Another partner location a customer may turn to.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param link the location's page in the marketplace
 */
record Alternative(String partner, String city, String country, String link) {

}
