/* SPDX-License-Identifier: ISC */
/* sbpl-data.h: SBPL text embedded at build time from data/ (build-aux/embed.sh). */
#ifndef SBPOLICY_SBPL_DATA_H
#define SBPOLICY_SBPL_DATA_H

/* data/base.sbpl: (version 1), (deny default) and what every process needs. */
extern const char sbpl_base[];
/* data/network-trailer.sbpl: follows every non-empty network section. */
extern const char sbpl_network_trailer[];

#endif
