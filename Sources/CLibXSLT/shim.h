// Only carries libxslt's pkg-config flags to the C shim; no Swift module imports this directly.
#include <libxslt/xslt.h>
