/** Training and evaluation of the IPTC topic model: corpora, category mapping, word vectors, fitting, calibration. */
package org.newsflow.enrich.training.topic;
