/** The Article record that flows through every topic, its parts, its stable id and its versioned JSON form. */
package org.newsflow.common.article;
