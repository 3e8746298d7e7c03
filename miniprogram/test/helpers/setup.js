global.wx = global.wx || {};
