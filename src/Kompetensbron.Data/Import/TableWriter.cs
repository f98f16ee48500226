using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kompetensbron.Data.Import;

/// <summary>
/// Writes rows of one entity type straight to its table, without the change tracker: multi-row <c>INSERT</c>s and
/// single-row <c>UPDATE</c>s, prepared once and re-bound for every chunk, in the context's current transaction.
/// Table, columns and value conversions (enums as names, dates, primitive collections) come from the EF model, so a
/// column added to the model is written too. Same SQL on SQLite and PostgreSQL. docs/decisions/0018-bulk-import.md
/// </summary>
internal sealed class TableWriter<T> : IAsyncDisposable
    where T : class
{
    // Both providers take far more parameters per statement (SQLite 32,766, PostgreSQL 65,535).
    private const int MaxParameters = 30_000;

    private readonly DbContext _db;
    private readonly string _table;
    private readonly Column[] _columns;
    private readonly Column[] _keys;
    private readonly Column? _generatedKey;
    private readonly Column? _returnedBy;
    private readonly int _rowsPerStatement;
    private readonly Dictionary<int, DbCommand> _inserts = [];
    private DbCommand? _update;

    // SQLite: keys are handed out here (the import's transaction is the single writer), so an INSERT needs no RETURNING.
    private readonly bool _assignKeys;
    private long _lastKey = -1;

    // SQLite: all rows of a call as one JSON array in one parameter, unpacked by json_each in the database.
    private readonly bool _asJson;
    private DbCommand? _jsonInsert;

    /// <param name="db">The context whose connection and current transaction are used.</param>
    /// <param name="rowsPerStatement">Rows in one <c>INSERT</c> (fewer when the columns would need too many parameters).</param>
    /// <param name="returnedBy">
    /// For a table with a database-generated key: a unique property by which the generated keys are given back to
    /// the inserted objects (<c>RETURNING</c> gives rows in no promised order).
    /// </param>
    public TableWriter(DbContext db, int rowsPerStatement, string? returnedBy = null)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (entity.GetComplexProperties().Any())
        {
            throw new NotSupportedException($"{typeof(T).Name} has complex properties, which {nameof(TableWriter<T>)} does not write.");
        }

        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _table = sql.DelimitIdentifier(table.Name, table.Schema);
        Column ToColumn(IProperty p) => new(p, sql.DelimitIdentifier(p.GetColumnName(table)!), (RelationalTypeMapping)p.GetTypeMapping());

        // Columns the database fills (an identity key, a row version) are left to it; shadow properties have no value here.
        _columns = [.. entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never && !p.IsShadowProperty()).Select(ToColumn)];
        _keys = [.. entity.FindPrimaryKey()!.Properties.Select(ToColumn)];
        var generated = entity.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated != ValueGenerated.Never).ToList();
        if (generated.Count > 0)
        {
            if (generated.Count > 1 || returnedBy is null)
            {
                throw new NotSupportedException($"{typeof(T).Name}: a generated key needs one key column and a unique property to return it by.");
            }

            _generatedKey = ToColumn(generated[0]);
            _returnedBy = _columns.Single(c => c.Property.Name == returnedBy);
        }

        _assignKeys = _generatedKey is not null && db.Database.IsSqlite();
        if (_assignKeys)
        {
            _columns = [_generatedKey!, .. _columns];
        }

        _rowsPerStatement = Math.Max(1, Math.Min(rowsPerStatement, MaxParameters / _columns.Length));
        _asJson = db.Database.IsSqlite() && (_generatedKey is null || _assignKeys) && _columns.All(c => c.JsonWritable);
    }

    /// <summary>Inserts <paramref name="rows"/>; a generated key is set on each object afterwards.</summary>
    public async Task InsertAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (_assignKeys)
        {
            await AssignKeysAsync(rows, cancellationToken);
        }

        if (_asJson)
        {
            if (rows.Count > 0)
            {
                await InsertAsJsonAsync(rows, cancellationToken);
            }

            return;
        }

        for (var first = 0; first < rows.Count; first += _rowsPerStatement)
        {
            var count = Math.Min(_rowsPerStatement, rows.Count - first);
            var command = InsertCommand(count);
            var p = 0;
            for (var r = first; r < first + count; r++)
            {
                foreach (var column in _columns)
                {
                    column.Bind(command.Parameters[p++], rows[r]);
                }
            }

            if (_generatedKey is null || _assignKeys)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            var byKey = new Dictionary<object, T>(count);
            for (var r = first; r < first + count; r++)
            {
                byKey.Add(_returnedBy!.Value(rows[r])!, rows[r]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = byKey[_returnedBy!.FromProvider(reader.GetValue(1))!];
                _generatedKey.Property.PropertyInfo!.SetValue(row, _generatedKey.FromProvider(reader.GetValue(0)));
            }
        }
    }

    /// <summary>
    /// SQLite: one parameter, a JSON array with one array of provider values per row, and
    /// <c>INSERT … SELECT value->>0, … FROM json_each(@rows)</c>. Binding many parameters costs more in
    /// Microsoft.Data.Sqlite than SQLite's own JSON parsing (decision 0018).
    /// </summary>
    private async Task InsertAsJsonAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (_jsonInsert is null)
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"INSERT INTO {_table} (").AppendJoin(", ", _columns.Select(c => c.Name))
                .Append(") SELECT ").AppendJoin(", ", _columns.Select((_, i) => $"value ->> {i}")).Append(" FROM json_each(@p0) ORDER BY key");
            _jsonInsert = Prepare(text.ToString(), 1, 0);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(rows.Count * _columns.Length * 16);
        await using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                foreach (var column in _columns)
                {
                    column.WriteJson(json, row);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        _jsonInsert.Parameters[0].Value = Encoding.UTF8.GetString(buffer.WrittenSpan);
        await _jsonInsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Writes every column of each row (found by its key), as an ordinary <c>SaveChanges</c> of a changed row would.</summary>
    public async Task UpdateAsync(IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var setColumns = _columns.Where(c => !c.Property.IsPrimaryKey()).ToArray();
        if (_update is null)
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"UPDATE {_table} SET ");
            text.AppendJoin(", ", setColumns.Select((c, i) => $"{c.Name} = @p{i}"));
            text.Append(" WHERE ").AppendJoin(" AND ", _keys.Select((c, i) => $"{c.Name} = @k{i}"));
            _update = Prepare(text.ToString(), setColumns.Length, _keys.Length);
        }

        foreach (var row in rows)
        {
            var p = 0;
            foreach (var column in setColumns.Concat(_keys))
            {
                column.Bind(_update.Parameters[p++], row);
            }

            if (await _update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new DbUpdateConcurrencyException($"A {typeof(T).Name} to update was not found (deleted meanwhile).");
            }
        }
    }

    /// <summary>
    /// The next keys after the largest stored one, and after the largest ever handed out (<c>sqlite_sequence</c>, as
    /// <c>AUTOINCREMENT</c> promises not to reuse keys). Read once, inside the transaction that then holds the write lock.
    /// </summary>
    private async Task AssignKeysAsync(IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (_lastKey < 0)
        {
            await using var command = Prepare(
                $"SELECT max(coalesce((SELECT max({_generatedKey!.Name}) FROM {_table}), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = @p0), 0))", 1, 0);
            command.Parameters[0].Value = _db.Model.FindEntityType(typeof(T))!.GetTableName();
            _lastKey = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        foreach (var row in rows)
        {
            _generatedKey!.Property.PropertyInfo!.SetValue(row, _generatedKey.FromProvider(++_lastKey));
        }
    }

    private DbCommand InsertCommand(int rows)
    {
        if (_inserts.TryGetValue(rows, out var command))
        {
            return command;
        }

        var text = new StringBuilder(64 + (rows * _columns.Length * 8));
        text.Append(CultureInfo.InvariantCulture, $"INSERT INTO {_table} (").AppendJoin(", ", _columns.Select(c => c.Name)).Append(") VALUES ");
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                text.Append(c == 0 ? "@p" : ", @p").Append(p++);
            }

            text.Append(')');
        }

        if (_generatedKey is not null && !_assignKeys)
        {
            text.Append(CultureInfo.InvariantCulture, $" RETURNING {_generatedKey.Name}, {_returnedBy!.Name}");
        }

        command = Prepare(text.ToString(), p, 0);
        _inserts[rows] = command;
        return command;
    }

    private DbCommand Prepare(string text, int values, int keys)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        for (var i = 0; i < values; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        for (var i = 0; i < keys; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@k" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _inserts.Values)
        {
            await command.DisposeAsync();
        }

        if (_update is not null)
        {
            await _update.DisposeAsync();
        }

        if (_jsonInsert is not null)
        {
            await _jsonInsert.DisposeAsync();
        }
    }

    /// <summary>A mapped property with its delimited column name and the conversion EF would apply.</summary>
    private sealed class Column(IProperty property, string name, RelationalTypeMapping mapping)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();

        public IProperty Property => property;
        public string Name => name;

        public object? Value(T row) => _getter.GetClrValueUsingContainingEntity(row);

        public void Bind(DbParameter parameter, T row)
        {
            var value = Value(row);
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }

        private Type ProviderType => Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? property.ClrType) ?? mapping.Converter?.ProviderClrType ?? property.ClrType;

        /// <summary>Whether <see cref="WriteJson"/> writes this column's values as SQLite would store them.</summary>
        public bool JsonWritable => ProviderType == typeof(string) || ProviderType == typeof(int) || ProviderType == typeof(long)
            || ProviderType == typeof(double) || ProviderType == typeof(bool) || ProviderType == typeof(DateOnly);

        public void WriteJson(System.Text.Json.Utf8JsonWriter json, T row)
        {
            var value = Value(row);
            if (value is not null && mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case long number:
                    json.WriteNumberValue(number);
                    break;
                case double number:
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WriteNumberValue(flag ? 1 : 0); // as EF stores booleans in SQLite
                    break;
                case DateOnly date:
                    json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // as EF stores DateOnly in SQLite
                    break;
                default:
                    throw new NotSupportedException($"{property.Name}: {value.GetType().Name} is not written as JSON.");
            }
        }

        public object? FromProvider(object? value) =>
            value is null or DBNull ? null
            : mapping.Converter is { } converter ? converter.ConvertFromProvider(value)
            : Convert.ChangeType(value, Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType, CultureInfo.InvariantCulture);
    }
}
