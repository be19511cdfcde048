#ifndef URA_SMALL_BLOCKS_H
#define URA_SMALL_BLOCKS_H

#include <stddef.h>

/// Installs the small-block allocator as libxml2's (and so libxslt's) memory functions. Must run
/// before any other libxml2 call, once per process (ura_xml_initialize does).
void ura_small_blocks_install(void);

#endif
