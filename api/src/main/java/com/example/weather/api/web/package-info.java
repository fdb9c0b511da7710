/**
 * What the endpoints share: how a list endpoint answers once its filter is validated ({@code Lists}, told what to
 * serve by a {@code ListDefinition}), the two queries of a list, a page by keyset and its count
 * ({@code ListQuery}), paging (numbers and cursors), the JSON or CSV choice and the CSV output, the conditional GETs
 * and response cache keyed by the data version, row counts, the rejection of unknown or malformed parameters, the
 * problem documents every failure becomes, and the OpenAPI overview.
 * <p>
 * May use Spring MVC, JDBC, Caffeine and the API's settings; never a feature package.
 */
package com.example.weather.api.web;
