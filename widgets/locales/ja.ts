
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's6ebc9bd6feae62a3': `読み込み中…`,
'sdc6ea1b942d5f526': `プランが読み込まれていません`,
'sed176a36b034cce2': `最大偏差`,
    };
  