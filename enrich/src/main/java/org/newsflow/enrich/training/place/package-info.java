/** Builds the compact GeoNames place gazetteer that entity linking ships with; not used at run time. */
package org.newsflow.enrich.training.place;
