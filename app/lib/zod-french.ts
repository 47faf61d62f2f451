import { z } from "zod";

// zod's own messages (for checks without a message of ours) in French, once for the whole process.
z.config(z.locales.fr());
