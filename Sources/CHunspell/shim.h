// Only carries Hunspell's pkg-config flags to the C shim; no Swift module imports this directly.
#include <hunspell.h>
