
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's038dd6fdc53fa2a7': `このノルマは読み込み後に CRM で変更されました。再読み込みして確認してください。`,
's2e390ec8d3379fa5': `各ノルマの結果`,
's3a93b9570499f956': `ノルマ:`,
's42125b9a94c84f11': `territory-kit は HubSpot の目標を書き込まないため、ノルマはこのプランに残ります。CSV でエクスポートし、HubSpot で目標値としてインポートしてください。`,
's44fa1773e1e78784': `保存済み`,
's4b36aa4c2d90124e': str`ノルマ ${0} 件`,
's4c2251760c5d2c55': str`ほか ${0} 件`,
's4e4bf859a9914e0f': `競合`,
's6ebc9bd6feae62a3': `読み込み中…`,
's7b593c03dffdf7d2': str`読み込み後に変更されたノルマ ${0} 件は、このプランとこのブラウザーに保持され、プランと一緒にエクスポートされます。`,
's855372695f43b38a': `読み込み後に変更されたノルマ 1 件は、このプランとこのブラウザーに保持され、プランと一緒にエクスポートされます。`,
's92dceaea9ced4252': `この CRM 接続はノルマを受け付けないため、ノルマはこのプランに残ります。`,
's93257d0c5f4f6542': str`${0} 件競合`,
's967a2db7049dc90e': str`${0} 件失敗`,
'sb6d729c6e0ce587e': str`${0} 件保存`,
'sbf9c5c5a8e5efad4': `失敗`,
'sd14f44ffd19e01fc': `ノルマ 1 件`,
'sd1a55cb5f387431e': `前回のノルマ保存`,
'sda16d07d673a534c': `ノルマ プランナー（ノルマをエクスポート）で CSV としてエクスポートしてください。`,
'sdc6ea1b942d5f526': `プランが読み込まれていません`,
'secf5ec6fae93e582': str`${0}、${1} から始まる期間`,
'sed176a36b034cce2': `最大偏差`,
'sedf74d7222e48eb9': `この接続では Salesforce はノルマを受け付けません（上の通知を参照：売上予測、ノルマへのアクセス、または「ノルマの管理」権限）。そのため、ノルマはこのプランに残ります。`,
    };
  