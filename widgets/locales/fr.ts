
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's6ebc9bd6feae62a3': `Chargement…`,
'sdc6ea1b942d5f526': `Aucun plan chargé`,
'sed176a36b034cce2': `Écart max.`,
    };
  